/*
 * Copyright 2023 Aurelian Tutuianu. rapaio-jupyter-kernel, MIT licence (see README.md, The kernel).
 * This class keeps the structure and public API of org.rapaio.jupyter.kernel.channels.LoopThread of
 * rapaio-jupyter-kernel 3.0.1; changed by physml: the running flag is set before the thread starts.
 */
package org.rapaio.jupyter.kernel.channels;

/**
 * The thread of a channel's poll loop (Shell, Control and Heartbeat channels): runs its body, sleeps, and
 * repeats until {@link #shutdown()} or an interrupt.
 *
 * <p>Patched for rapaio-jupyter-kernel 3.0.1, which set {@code running = true} only after
 * {@link Thread#start()}: a new thread that reached its first loop test before that assignment saw
 * {@code false} and ended without ever running its body. When that thread was the Shell loop, the kernel
 * bound its ports and answered heartbeats but never read an execute request (about 1 start in 200 per loop
 * thread in an isolated test of the class). Here the flag is set before the thread exists; the write
 * happens-before everything the started thread does (JLS 17.4.5, {@code Thread.start}).
 */
public final class LoopThread extends Thread {

    private volatile boolean running = false;
    private final long sleep;
    private final Runnable loopBody;

    /**
     * @param name     the thread's name (shown in thread dumps)
     * @param sleep    pause after each run of the body, ms
     * @param loopBody one poll of the channel; an exception it throws ends the thread
     */
    public LoopThread(String name, long sleep, Runnable loopBody) {
        super(name);
        this.sleep = sleep;
        this.loopBody = loopBody;
    }

    @Override
    public void run() {
        while (running) {
            loopBody.run();
            try {
                Thread.sleep(sleep);
            } catch (InterruptedException e) {
                running = false;
                return;
            }
        }
    }

    /**
     * Marks the loop running, then starts the thread.
     *
     * @throws IllegalThreadStateException if the thread was already started
     */
    @Override
    public synchronized void start() {
        running = true;
        super.start();
    }

    /** Ends the loop after the current run of its body. */
    public void shutdown() {
        running = false;
    }
}
