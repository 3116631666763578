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
