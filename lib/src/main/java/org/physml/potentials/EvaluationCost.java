package org.physml.potentials;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;

import org.physml.structure.Structure;

/**
 * Wall time of energy-and-force evaluations per atom on one core, for cost/accuracy comparisons of potentials
 * (the "cost" axis of Zuo et al., J. Phys. Chem. A 124, 731 (2020)).
 *
 * <p>The evaluations run inside a {@link ForkJoinPool} of parallelism 1, so the parallel streams the potentials use
 * internally execute on that single worker thread. One untimed pass over the structures warms up the JIT first. The
 * result depends on the machine and its load: compare numbers measured together.
 */
public final class EvaluationCost {
    private EvaluationCost() {
    }

    /**
     * Seconds per atom for {@link Potential#compute} (energy and forces), averaged over {@code repeats} passes over
     * the structures.
     *
     * @throws IllegalArgumentException if there are no structures or repeats &lt; 1
     */
    public static double secondsPerAtom(Potential potential, List<Structure> structures, int repeats) {
        if (structures.isEmpty()) {
            throw new IllegalArgumentException("need at least one structure");
        }
        if (repeats < 1) {
            throw new IllegalArgumentException("repeats must be >= 1, got " + repeats);
        }
        ForkJoinPool pool = new ForkJoinPool(1);
        try {
            return pool.submit(() -> {
                for (Structure s : structures) {
                    potential.compute(s);
                }
                long atoms = 0;
                long start = System.nanoTime();
                for (int r = 0; r < repeats; r++) {
                    for (Structure s : structures) {
                        potential.compute(s);
                        atoms += s.size();
                    }
                }
                return (System.nanoTime() - start) * 1e-9 / atoms;
            }).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while timing", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdown();
        }
    }
}
