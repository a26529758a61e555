/*
 * Copyright 2023 Aurelian Tutuianu. rapaio-jupyter-kernel, MIT licence (see README.md, The kernel).
 * This class keeps the structure and public API of org.rapaio.jupyter.kernel.channels.Channels of
 * rapaio-jupyter-kernel 3.0.1; changed by physml: the handler map is complete before any channel is bound,
 * channels are bound in a fixed order, the fields shared between loop threads are volatile, and a control
 * request has its own message id and after-actions.
 */
package org.rapaio.jupyter.kernel.channels;

import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;
import java.util.Stack;

import org.rapaio.jupyter.kernel.core.ConnectionProperties;
import org.rapaio.jupyter.kernel.core.RapaioKernel;
import org.rapaio.jupyter.kernel.message.ContentType;
import org.rapaio.jupyter.kernel.message.HMACDigest;
import org.rapaio.jupyter.kernel.message.Message;
import org.rapaio.jupyter.kernel.message.MessageId;
import org.rapaio.jupyter.kernel.message.MessageType;
import org.rapaio.jupyter.kernel.message.messages.ErrorReply;
import org.rapaio.jupyter.kernel.message.messages.IOPubStatus;
import org.rapaio.jupyter.kernel.message.messages.IOPubStream;
import org.rapaio.org.zeromq.ZMQ;

/**
 * The kernel's five channels (heartbeat, shell, control, stdin, iopub), the message handlers, and the id of
 * the message being handled (the parent of replies and published output).
 *
 * <p>Patched for rapaio-jupyter-kernel 3.0.1, whose {@code connect} bound the channels (which starts the
 * shell and control loops) and only then created and filled a plain {@code HashMap} of handlers. A request
 * that arrived in between met a null map ({@code NullPointerException} in {@link #getHandler}, which ended
 * the shell loop) or a half-filled one ({@code Unhandled message: execute_request}, dropped without a reply).
 * Here the complete, immutable map is published through a volatile field before the first channel is bound,
 * and the heartbeat, which clients take as the sign that the kernel is up, is bound last.
 *
 * <p>Also patched: in 3.0.1 the control loop (interrupt, shutdown) set the one message id and ran the one
 * stack of after-actions shared with the shell loop. An interrupt request arriving while a cell ran thus took
 * over the cell's pending execute_reply (an after-action), sent it at once with the interrupt request as its
 * parent and cleared the id, so the front end never received a reply to the cell (it stayed at [*]).
 * Requests handled through {@link #handleControl} now have their own id and after-actions on the control
 * loop thread; everything else (the shell loop, the cell's own threads) sees the shell's.
 */
@SuppressWarnings({"unchecked", "rawtypes"})
public final class Channels {

    private final ConnectionProperties connProps;
    private final ZMQ.Context ctx;

    private final HeartbeatChannel heartbeat;
    private final ShellChannel shell;
    private final ControlChannel control;
    private final StdinChannel stdin;
    private final IOPubChannel iopub;

    /** Bind order: the sockets that carry replies and output first, the heartbeat last. */
    private final List<AbstractChannel> channels;
    private final Stack<Runnable> afterActions = new Stack<>();

    private volatile Map<MessageType<?>, MessageHandler> handlers = Map.of();
    private volatile MessageId<?> msgId;
    /** The request that the current thread handles on the control channel (absent on other threads). */
    private final ThreadLocal<ControlRequest> controlRequest = new ThreadLocal<>();
    private volatile boolean isConnected = false;
    private volatile boolean requestShutdown = false;

    /**
     * Creates the ZeroMQ context and the five sockets; nothing is bound yet.
     *
     * @param connProps the connection file's ports, transport, address and signing key
     * @throws NoSuchAlgorithmException if the connection file names an unknown signature scheme
     * @throws InvalidKeyException      if its key is unusable for that scheme
     */
    public Channels(ConnectionProperties connProps) throws NoSuchAlgorithmException, InvalidKeyException {
        this.connProps = connProps;
        ctx = ZMQ.context(1);

        HMACDigest hmacDigest = connProps.createHMACDigest();

        heartbeat = new HeartbeatChannel(this, ctx, hmacDigest);
        shell = new ShellChannel(this, ctx, hmacDigest, this);
        control = new ControlChannel(this, ctx, hmacDigest);
        stdin = new StdinChannel(this, ctx, hmacDigest);
        iopub = new IOPubChannel(this, ctx, hmacDigest);

        channels = List.of(iopub, stdin, control, shell, heartbeat);
    }

    /**
     * Registers the kernel and its handlers, then binds the channels (starting their loop threads) and
     * publishes the "starting" status. A second call does nothing.
     *
     * @param kernel the kernel whose methods handle the requests
     */
    public void connect(RapaioKernel kernel) {
        if (isConnected) {
            return;
        }
        kernel.registerChannels(this);
        handlers = Map.ofEntries(
                Map.entry(MessageType.SHELL_EXECUTE_REQUEST, (MessageHandler) kernel::handleExecuteRequest),
                Map.entry(MessageType.SHELL_INSPECT_REQUEST, (MessageHandler) kernel::handleInspectRequest),
                Map.entry(MessageType.SHELL_COMPLETE_REQUEST, (MessageHandler) kernel::handleCompleteRequest),
                Map.entry(MessageType.SHELL_HISTORY_REQUEST, (MessageHandler) kernel::handleHistoryRequest),
                Map.entry(MessageType.SHELL_IS_COMPLETE_REQUEST, (MessageHandler) kernel::handleIsCompleteRequest),
                Map.entry(MessageType.SHELL_KERNEL_INFO_REQUEST, (MessageHandler) kernel::handleKernelInfoRequest),
                Map.entry(MessageType.CONTROL_SHUTDOWN_REQUEST, (MessageHandler) kernel::handleShutdownRequest),
                Map.entry(MessageType.CONTROL_INTERRUPT_REQUEST, (MessageHandler) kernel::handleInterruptRequest),
                Map.entry(MessageType.CUSTOM_COMM_OPEN, (MessageHandler) kernel::handleCommOpenCommand),
                Map.entry(MessageType.CUSTOM_COMM_MSG, (MessageHandler) kernel::handleCommMsgCommand),
                Map.entry(MessageType.CUSTOM_COMM_CLOSE, (MessageHandler) kernel::handleCommCloseCommand),
                Map.entry(MessageType.SHELL_COMM_INFO_REQUEST, (MessageHandler) kernel::handleCommInfoRequest));
        for (AbstractChannel channel : channels) {
            channel.bind(connProps);
        }
        iopub.sendMessage(new Message<>(MessageType.IOPUB_STATUS, IOPubStatus.STARTING));
        isConnected = true;
    }

    /** The handler of a message type, or null for a type the kernel does not handle. */
    public <T> MessageHandler<T> getHandler(MessageType<T> type) {
        return handlers.get(type);
    }

    public void close() {
        channels.forEach(AbstractChannel::close);
        ctx.close();
    }

    public void joinUntilClose() {
        channels.forEach(AbstractChannel::joinUntilClose);
    }

    /**
     * Handles one control request: while {@code handling} runs on this thread, the message id is
     * {@code id} and after-actions are this request's own, and they are run at its end.
     */
    void handleControl(MessageId<?> id, Runnable handling) {
        controlRequest.set(new ControlRequest(id));
        try {
            handling.run();
        } finally {
            try {
                runAfterActions();
            } finally {
                controlRequest.remove();
            }
        }
    }

    private MessageId<?> currentMsgId() {
        ControlRequest c = controlRequest.get();
        return c != null ? c.msgId : msgId;
    }

    public boolean hasMsgId() {
        return currentMsgId() != null;
    }

    public void setMsgId(MessageId<?> msgId) {
        ControlRequest c = controlRequest.get();
        if (c != null) {
            c.msgId = msgId;
        } else {
            this.msgId = msgId;
        }
    }

    public void freeMsgId() {
        setMsgId(null);
    }

    public void markForShutdown() {
        requestShutdown = true;
    }

    public boolean isMarkedForShutdown() {
        return requestShutdown;
    }

    public void writeToStdOut(String msg) {
        publish(new IOPubStream(IOPubStream.StreamName.OUT, msg));
    }

    public void writeToStdErr(String msg) {
        publish(new IOPubStream(IOPubStream.StreamName.ERR, msg));
    }

    public String readFromStdIn() {
        return stdin.getInput(currentMsgId(), "", false);
    }

    public <T extends ContentType<T>> void publish(T content) {
        iopub.sendMessage(new Message<>(currentMsgId(), content.type(), content));
    }

    public <T extends ContentType<T>> void reply(T content) {
        shell.sendMessage(new Message<>(currentMsgId(), content.type(), content));
    }

    public void replyError(MessageType<?> type, ErrorReply error) {
        shell.sendMessage(new Message(currentMsgId(), type, error));
    }

    public void scheduleAfter(Runnable action) {
        afterActions().push(action);
    }

    public void runAfterActions() {
        Stack<Runnable> actions = afterActions();
        while (!actions.isEmpty()) {
            actions.pop().run();
        }
    }

    private Stack<Runnable> afterActions() {
        ControlRequest c = controlRequest.get();
        return c != null ? c.afterActions : afterActions;
    }

    public void busyThenIdle() {
        publish(IOPubStatus.BUSY);
        scheduleAfter(() -> publish(IOPubStatus.IDLE));
    }

    /** The state of one request handled on the control channel. */
    private static final class ControlRequest {
        MessageId<?> msgId;
        final Stack<Runnable> afterActions = new Stack<>();

        ControlRequest(MessageId<?> msgId) {
            this.msgId = msgId;
        }
    }
}
