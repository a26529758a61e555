/*
 * Copyright 2023 Aurelian Tutuianu. rapaio-jupyter-kernel, MIT licence (see README.md, The kernel).
 * This class keeps the structure, public API and log messages of
 * org.rapaio.jupyter.kernel.channels.ControlChannel of rapaio-jupyter-kernel 3.0.1; changed by physml:
 * its loop thread is named "Control-N" (it was "Shell-N", like the shell loop), and a request is handled
 * with its own message id and after-actions (Channels.handleControl).
 */
package org.rapaio.jupyter.kernel.channels;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

import org.rapaio.jupyter.kernel.core.ConnectionProperties;
import org.rapaio.jupyter.kernel.message.HMACDigest;
import org.rapaio.jupyter.kernel.message.Message;
import org.rapaio.jupyter.kernel.message.MessageType;
import org.rapaio.org.zeromq.SocketType;
import org.rapaio.org.zeromq.ZMQ;

/**
 * The control channel (ZeroMQ ROUTER socket): interrupt and shutdown requests, served by its own loop
 * thread so that they are read while the shell channel executes a cell.
 *
 * <p>Patched: rapaio-jupyter-kernel 3.0.1 named its thread "Shell-N", so that a thread dump of a kernel
 * whose shell loop had ended still showed a thread "Shell-0"; and it handled a request with the message id
 * and after-actions of the shell loop, so that an interrupt took over the running cell's reply (see
 * {@link Channels}).
 */
public final class ControlChannel extends AbstractChannel {

    private static final Logger LOGGER = Logger.getLogger(ControlChannel.class.getSimpleName());
    private static final long LOOP_SLEEP = 50;
    private static final AtomicInteger ID = new AtomicInteger();

    private final Channels channels;
    private volatile LoopThread loopThread;

    /**
     * @param channels      the kernel's channels (handlers, message id, shutdown flag)
     * @param context       the ZeroMQ context that owns the socket
     * @param hmacGenerator signs and checks messages with the connection file's key
     */
    public ControlChannel(Channels channels, ZMQ.Context context, HMACDigest hmacGenerator) {
        super(channels, "ControlChannel", context, SocketType.ROUTER, hmacGenerator);
        this.channels = channels;
    }

    /**
     * Binds the socket to the control port of the connection file and starts the loop thread.
     *
     * @throws IllegalStateException if the channel is already bound
     */
    @Override
    public void bind(ConnectionProperties connProps) {
        if (loopThread != null) {
            throw new IllegalStateException("Channel already bound.");
        }
        String threadName = "Control-" + ID.getAndIncrement();
        String address = connProps.formatAddress(connProps.controlPort());
        LOGGER.info(logPrefix + "Binding to " + address);
        socket.bind(address);

        ZMQ.Poller poller = ctx.poller(1);
        poller.register(socket, ZMQ.Poller.POLLIN);
        loopThread = new LoopThread(threadName, LOOP_SLEEP, () -> pollOnce(poller, threadName));
        loopThread.start();
    }

    private void pollOnce(ZMQ.Poller poller, String threadName) {
        if (poller.poll(0) <= 0) {
            return;
        }
        Message<?> message = readMessage();
        MessageType<?> type = message.header().type();
        @SuppressWarnings({"unchecked", "rawtypes"})
        MessageHandler<Object> handler = (MessageHandler) channels.getHandler(type);
        if (handler == null) {
            LOGGER.severe(logPrefix + "Unhandled message: " + type.name());
            return;
        }
        LOGGER.info(logPrefix + "Handling message: " + type.name());
        @SuppressWarnings("unchecked")
        Message<Object> typed = (Message<Object>) message;
        channels.handleControl(message.getId(), () -> {
            try {
                handler.handle(typed);
            } catch (Exception e) {
                LOGGER.severe(logPrefix + "Exception handling " + type.name() + ". " + e.getClass().getSimpleName()
                        + ": " + e.getLocalizedMessage());
            }
        });
        if (channels.isMarkedForShutdown()) {
            LOGGER.info(threadName + " shutting down connection marked for shutdown.");
            channels.close();
        }
    }

    @Override
    public void close() {
        if (loopThread != null) {
            loopThread.shutdown();
        }
        super.close();
    }

    @Override
    public void joinUntilClose() {
        if (loopThread != null) {
            try {
                loopThread.join();
            } catch (InterruptedException ignored) {
                // the kernel is ending
            }
        }
    }
}
