package org.parshell.protocol;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;

/**
 * The socket transport of both ends: Netty's native epoll on Linux, where it saves a one-item map's round
 * trip some wake-ups and copies, and Java's NIO everywhere else (or where the native library cannot load).
 * {@code -Dparshell.transport=nio} chooses NIO on Linux too.
 */
public final class Transport {
    private static final boolean EPOLL = !"nio".equals(System.getProperty("parshell.transport")) && nativeAccess()
            && Epoll.isAvailable();

    private Transport() {
    }

    /**
     * False where loading a native library would print the JDK's warning about restricted methods (JDK 22
     * and later without {@code --enable-native-access}): there NIO serves rather than a warning at the user.
     */
    private static boolean nativeAccess() {
        try {
            Module unnamed = Transport.class.getClassLoader().getUnnamedModule();
            return (Boolean) Module.class.getMethod("isNativeAccessEnabled").invoke(unnamed);
        } catch (NoSuchMethodException e) {
            return true; // before JDK 22 native access is not restricted
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    /** "epoll" or "nio". */
    public static String name() {
        return EPOLL ? "epoll" : "nio";
    }

    /** An event loop group of {@code threads} daemon threads named {@code name-N-M}. */
    public static EventLoopGroup group(int threads, String name) {
        DefaultThreadFactory factory = new DefaultThreadFactory(name, true);
        return EPOLL ? new EpollEventLoopGroup(threads, factory) : new NioEventLoopGroup(threads, factory);
    }

    public static Class<? extends SocketChannel> socket() {
        return EPOLL ? EpollSocketChannel.class : NioSocketChannel.class;
    }

    public static Class<? extends ServerChannel> serverSocket() {
        return EPOLL ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    }
}
