package io.dutykit.console;

import io.dutykit.core.DutyKitException;
import io.dutykit.core.SiteRecords;
import io.dutykit.core.check.CheckPeriod;
import io.dutykit.core.procedure.DefaultCodes;
import io.dutykit.core.procedure.IncidentThresholdTable;
import io.dutykit.dataset.DatasetReader;
import io.javalin.Javalin;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;

/**
 * The rule console (SPEC section 6.2): a local web page on which compliance staff browse the catalogue,
 * edit the parameters, the incident threshold table and their own rules' texts and severities in forms
 * that accept only valid values, run the scenarios, preview a change on real data, and save — into the
 * rules folder, as the files a person would write, checked first with every check of {@code duty rules
 * validate} and written all or nothing, each save appended to {@code console-audit.txt} in the folder.
 *
 * <p>Safe by default: it listens on 127.0.0.1 only unless {@link ConsoleOptions#bind} says otherwise,
 * answers only to its own address, refuses posts from other pages (a token on every form), escapes all
 * it shows and writes nothing outside the folder. See docs/console.md.
 *
 * <pre>{@code
 * try (RuleConsole console = RuleConsole.start(ConsoleOptions.of(Path.of("my-rules")).withPort(0))) {
 *     System.out.println(console.uri());
 *     console.await();
 * }
 * }</pre>
 */
public final class RuleConsole implements AutoCloseable {
    private final Javalin app;
    private final RulesFolder folder;
    private final URI uri;
    private final boolean loopback;
    private final CountDownLatch closed = new CountDownLatch(1);

    private RuleConsole(Javalin app, RulesFolder folder, URI uri, boolean loopback) {
        this.app = app;
        this.folder = folder;
        this.uri = uri;
        this.loopback = loopback;
    }

    /**
     * Reads the folder (and the data), checks them, and starts serving the pages.
     *
     * @throws ConsoleException when the folder or the data cannot be read, the address is not one of this
     *     computer, or the port is taken — the message says what to do
     */
    public static RuleConsole start(ConsoleOptions options) {
        RulesFolder folder = new RulesFolder(options.rules(), AtomicSave.Step.NONE);
        List<SiteRecords> data = data(options.data());
        Path scenarios = options.scenarios() != null
                ? options.scenarios()
                : folder.root().resolve("scenarios");
        Function<SiteRecords, CheckPeriod> periodOf = site -> period(options, site);
        Console console =
                new Console(folder, data, periodOf, options.asOf(), options.clock(), scenarios, options.locale());
        console.current(); // read, check and compile once before the first page is asked for
        Set<String> categories = DefaultCodes.categories(data);
        Map<String, java.time.ZoneId> zones = new LinkedHashMap<>();
        data.forEach(site -> zones.put(site.site().id(), site.site().zone()));
        Pages.Info fixed = new Pages.Info(
                options.rules().toString(),
                options.data() == null ? null : options.data().toString(),
                (options.scenarios() != null
                                ? options.scenarios()
                                : options.rules().resolve("scenarios"))
                        .toString(),
                options.user(),
                categories,
                List.of(),
                zones);
        ConsoleServer server = new ConsoleServer(
                console,
                options.locale(),
                options.user(),
                () -> new Pages.Info(
                        fixed.rules(),
                        fixed.data(),
                        fixed.scenarios(),
                        fixed.user(),
                        fixed.dataCategories(),
                        tableFiles(folder),
                        fixed.zones()));
        InetAddress address = address(options.bind());
        Javalin app;
        try {
            app = server.start(options.bind(), options.port(), port -> hosts(address, port));
        } catch (RuntimeException e) {
            folder.close();
            throw new ConsoleException(
                    "the console cannot listen on " + options.bind() + ":" + options.port() + " ("
                            + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                            + "); give another --port, or --port 0 for any free one",
                    e);
        }
        String host = address.isAnyLocalAddress() ? ConsoleOptions.LOOPBACK : uriHost(address);
        URI uri = URI.create("http://" + host + ":" + app.port() + "/");
        return new RuleConsole(app, folder, uri, address.isLoopbackAddress());
    }

    private static List<SiteRecords> data(Path data) {
        if (data == null) {
            return List.of();
        }
        if (!Files.exists(data)) {
            throw new ConsoleException(
                    "--data " + data + " does not exist; give a dutykit/1 JSON file or a folder of them");
        }
        try {
            return new DatasetReader().readAll(data);
        } catch (DutyKitException e) {
            throw new ConsoleException("--data " + data + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static CheckPeriod period(ConsoleOptions options, SiteRecords site) {
        if (options.from() != null && options.to() != null) {
            return new CheckPeriod(options.from(), options.to());
        }
        CheckPeriod rostered = CheckPeriod.rostered(site)
                .orElseThrow(() -> new ConsoleException("site " + site.site().id()
                        + " has no roster to take the period from; start the console with --from and --to"));
        return new CheckPeriod(
                options.from() != null ? options.from() : rostered.from(),
                options.to() != null ? options.to() : rostered.to());
    }

    private static List<String> tableFiles(RulesFolder folder) {
        List<String> files = new ArrayList<>();
        for (String name : List.of(IncidentThresholdTable.CSV_NAME, RulesFolder.XLSX)) {
            if (Files.isRegularFile(folder.root().resolve(name))) {
                files.add(name);
            }
        }
        return files;
    }

    private static InetAddress address(String bind) {
        try {
            InetAddress address = InetAddress.getByName(bind);
            if (!address.isAnyLocalAddress() && NetworkInterface.getByInetAddress(address) == null) {
                throw new ConsoleException(
                        "--bind " + bind + " is not an address of this computer; give 127.0.0.1 (this"
                                + " computer only), an address of one of its network interfaces, or 0.0.0.0 for all");
            }
            return address;
        } catch (UnknownHostException | SocketException e) {
            throw new ConsoleException("--bind " + bind + " is not an address: " + e.getMessage(), e);
        }
    }

    /** Every {@code host:port} the console answers to: its own address, and this computer's names for it. */
    static Set<String> hosts(InetAddress bind, int port) {
        Set<String> hosts = new LinkedHashSet<>();
        List<InetAddress> addresses = new ArrayList<>();
        addresses.add(InetAddress.getLoopbackAddress());
        try {
            addresses.addAll(List.of(InetAddress.getAllByName("localhost")));
        } catch (UnknownHostException e) {
            // no name for the loopback address: the numbers still work
        }
        hosts.add("localhost:" + port);
        hosts.add("127.0.0.1:" + port);
        hosts.add("[::1]:" + port);
        if (!bind.isLoopbackAddress()) {
            addresses.add(bind);
            if (bind.isAnyLocalAddress()) {
                try {
                    for (NetworkInterface n : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                        addresses.addAll(Collections.list(n.getInetAddresses()));
                    }
                    InetAddress local = InetAddress.getLocalHost();
                    hosts.add(local.getHostName().toLowerCase(Locale.ROOT) + ":" + port);
                    hosts.add(local.getCanonicalHostName().toLowerCase(Locale.ROOT) + ":" + port);
                } catch (SocketException | UnknownHostException e) {
                    // the addresses found so far
                }
            } else {
                hosts.add(bind.getHostName().toLowerCase(Locale.ROOT) + ":" + port);
            }
        }
        for (InetAddress a : addresses) {
            if (!a.isAnyLocalAddress()) {
                hosts.add(uriHost(a) + ":" + port);
            }
        }
        return hosts;
    }

    private static String uriHost(InetAddress address) {
        String text = address.getHostAddress();
        int zone = text.indexOf('%');
        if (zone >= 0) {
            text = text.substring(0, zone);
        }
        return (text.contains(":") ? "[" + text + "]" : text).toLowerCase(Locale.ROOT);
    }

    /** Where the pages are, e.g. {@code http://127.0.0.1:8080/}. */
    public URI uri() {
        return uri;
    }

    /** The port it listens on (the one taken, when started with port 0). */
    public int port() {
        return app.port();
    }

    /** True when only this computer can reach the console (it listens on a loopback address). */
    public boolean isLoopbackOnly() {
        return loopback;
    }

    /** The rules folder (its real path). */
    public Path folder() {
        return folder.root();
    }

    /** Waits until the console is closed. */
    public void await() throws InterruptedException {
        closed.await();
    }

    /** Stops serving and removes the console's working files from the folder (saves stay). */
    @Override
    public void close() {
        try {
            app.stop();
        } finally {
            folder.close();
            closed.countDown();
        }
    }
}
