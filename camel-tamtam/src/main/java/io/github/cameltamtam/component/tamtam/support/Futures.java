package io.github.cameltamtam.component.tamtam.support;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Helpers for {@link java.util.concurrent.CompletableFuture} outcomes. */
public final class Futures {

    private Futures() {
    }

    /** The failure inside the {@link CompletionException}s and {@link ExecutionException}s wrapping it. */
    public static Throwable unwrap(Throwable error) {
        Throwable t = error;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
