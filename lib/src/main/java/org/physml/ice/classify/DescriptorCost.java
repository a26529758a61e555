package org.physml.ice.classify;

/**
 * Wall-clock cost of computing a descriptor for a data set (neighbour lists included, file reading excluded).
 *
 * @param seconds      total wall time, s
 * @param environments number of environments (centres) computed
 * @param threads      number of worker threads available (the common fork-join pool's parallelism + 1)
 */
public record DescriptorCost(double seconds, long environments, int threads) {

    /** Wall time per environment, microseconds; NaN without environments. */
    public double microsecondsPerEnvironment() {
        return environments == 0 ? Double.NaN : 1e6 * seconds / environments;
    }

    /** The seconds this cost would take for {@code n} environments at the same rate. */
    public double secondsFor(long n) {
        return environments == 0 ? Double.NaN : seconds * n / environments;
    }
}
