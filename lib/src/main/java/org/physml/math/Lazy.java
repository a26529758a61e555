package org.physml.math;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A value computed on first use and then shared: for tables that cost milliseconds to fit, so that building a
 * descriptor only to ask its feature count or its parameters costs nothing. Thread-safe (double-checked on a
 * volatile field); the supplier runs at most once, unless it throws, in which case the next call tries again.
 *
 * @param <T> the value's type
 */
public final class Lazy<T> implements Supplier<T> {
    private final Supplier<? extends T> supplier;
    private volatile T value;

    /**
     * @param supplier computes the value; must not return null
     * @throws NullPointerException if supplier is null
     */
    public Lazy(Supplier<? extends T> supplier) {
        this.supplier = Objects.requireNonNull(supplier, "supplier");
    }

    /**
     * The value, computed by the supplier on the first call.
     *
     * @throws NullPointerException if the supplier returned null
     */
    @Override
    public T get() {
        T v = value;
        if (v == null) {
            synchronized (this) {
                v = value;
                if (v == null) {
                    v = Objects.requireNonNull(supplier.get(), "the supplier of a Lazy returned null");
                    value = v;
                }
            }
        }
        return v;
    }
}
