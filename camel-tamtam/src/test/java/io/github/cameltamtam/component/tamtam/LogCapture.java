/*
 * Copyright 2026 The camel-tamtam authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package io.github.cameltamtam.component.tamtam;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/**
 * Test helper: captures every log4j2 event while open. Adds a capturing appender to the root logger (all levels) and,
 * for each given logger name, a non-additive logger at the given level writing only to the capture, so raising a level
 * to TRACE fills the capture without flooding the console. {@link #close()} restores the previous configuration.
 */
final class LogCapture implements AutoCloseable {

    /** One captured event, rendered while captured (events are mutable and reused by log4j2). */
    record Captured(String logger, Level level, String message, String thrown, String contextData) {

        /** Everything an operator could see of this event. */
        String text() {
            return logger + " " + level + " " + message + " " + contextData + (thrown == null ? "" : "\n" + thrown);
        }
    }

    private final LoggerContext loggerContext;
    private final Configuration configuration;
    private final CapturingAppender appender;
    private final List<String> addedLoggers = new ArrayList<>();
    private final List<LoggerConfig> raisedLoggers = new ArrayList<>();
    private final List<Level> previousLevels = new ArrayList<>();
    private final List<Boolean> previousAdditivity = new ArrayList<>();

    private LogCapture(Level level, String... loggerNames) {
        loggerContext = (LoggerContext) LogManager.getContext(false);
        configuration = loggerContext.getConfiguration();
        appender = new CapturingAppender("log-capture-" + System.identityHashCode(this));
        appender.start();
        configuration.addAppender(appender);
        configuration.getRootLogger().addAppender(appender, Level.ALL, null);
        for (String name : loggerNames) {
            LoggerConfig existing = configuration.getLoggers().get(name);
            if (existing != null) {
                raisedLoggers.add(existing);
                previousLevels.add(existing.getLevel());
                previousAdditivity.add(existing.isAdditive());
                existing.setLevel(level);
                existing.setAdditive(false);
                existing.addAppender(appender, Level.ALL, null);
            } else {
                LoggerConfig config = new LoggerConfig(name, level, false);
                config.addAppender(appender, Level.ALL, null);
                configuration.addLogger(name, config);
                addedLoggers.add(name);
            }
        }
        loggerContext.updateLoggers();
    }

    /** Starts capturing; the named loggers (and their children) log at {@code level} into the capture only. */
    static LogCapture start(Level level, String... loggerNames) {
        return new LogCapture(level, loggerNames);
    }

    /** A snapshot of the events captured so far. */
    List<Captured> events() {
        return List.copyOf(appender.events);
    }

    @Override
    public void close() {
        for (String name : addedLoggers) {
            configuration.removeLogger(name);
        }
        for (int i = 0; i < raisedLoggers.size(); i++) {
            LoggerConfig config = raisedLoggers.get(i);
            config.removeAppender(appender.getName());
            config.setLevel(previousLevels.get(i));
            config.setAdditive(previousAdditivity.get(i));
        }
        configuration.getRootLogger().removeAppender(appender.getName());
        loggerContext.updateLoggers();
        appender.stop();
    }

    private static final class CapturingAppender extends AbstractAppender {

        private final ConcurrentLinkedQueue<Captured> events = new ConcurrentLinkedQueue<>();

        CapturingAppender(String name) {
            super(name, null, null, true, Property.EMPTY_ARRAY);
        }

        @Override
        public void append(LogEvent event) {
            String thrown = null;
            if (event.getThrown() != null) {
                StringWriter out = new StringWriter();
                event.getThrown().printStackTrace(new PrintWriter(out));
                thrown = out.toString();
            }
            events.add(new Captured(event.getLoggerName(), event.getLevel(),
                    event.getMessage() == null ? null : event.getMessage().getFormattedMessage(), thrown,
                    String.valueOf(event.getContextData().toMap())));
        }
    }
}
