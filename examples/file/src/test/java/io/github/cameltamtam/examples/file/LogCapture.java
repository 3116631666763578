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
package io.github.cameltamtam.examples.file;

import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.layout.PatternLayout;

/** Captures what one logger (and its children) writes, stack traces included, as text lines. */
final class LogCapture implements AutoCloseable {

    private final StringWriter out = new StringWriter();
    private final LoggerContext context = (LoggerContext) LogManager.getContext(false);
    private final LoggerConfig loggerConfig;
    private final WriterAppender appender;

    LogCapture(String loggerName, Level level) {
        Configuration config = context.getConfiguration();
        loggerConfig = config.getLoggerConfig(loggerName);
        appender = WriterAppender.newBuilder()
                .setName("capture-" + loggerName + "-" + System.nanoTime())
                .setTarget(out)
                .setLayout(PatternLayout.newBuilder().withPattern("%-5level %msg%n%throwable").build())
                .build();
        appender.start();
        loggerConfig.addAppender(appender, level, null);
        context.updateLoggers();
    }

    /** Returns the captured lines so far. */
    synchronized List<String> lines() {
        String text = out.toString();
        return text.isEmpty() ? List.of() : Arrays.asList(text.split("\\R"));
    }

    @Override
    public void close() {
        loggerConfig.removeAppender(appender.getName());
        appender.stop();
        context.updateLoggers();
    }
}
