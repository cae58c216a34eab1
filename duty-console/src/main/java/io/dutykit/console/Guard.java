package io.dutykit.console;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What keeps other pages and other machines out of the console. A request must name the console by an
 * address it answers to in its {@code Host} header (a page of another site that resolves its own name
 * to 127.0.0.1 — DNS rebinding — is refused); a request that changes anything must come from the
 * console's own pages ({@code Origin}, and {@code Sec-Fetch-Site} where the browser sends it) and carry
 * the form's token, which only the console's pages hold: an HMAC of the browser's session cookie with a
 * key made when the console started, so it cannot be guessed or taken from another console.
 */
final class Guard {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Set<String> hosts;
    private final byte[] key;

    /** @param hosts every {@code host:port} the console answers to, in lower case */
    Guard(Set<String> hosts) {
        this.hosts = Set.copyOf(hosts);
        this.key = new byte[32];
        RANDOM.nextBytes(key);
    }

    Set<String> hosts() {
        return hosts;
    }

    /** True when the {@code Host} header names the console. */
    boolean hostAllowed(String host) {
        return host != null && hosts.contains(host.strip().toLowerCase(Locale.ROOT));
    }

    /**
     * Why a request that changes something does not come from the console's own page, or null when it
     * does: an {@code Origin} other than the console's, or a browser saying the request is cross-site.
     */
    String crossOrigin(String origin, String fetchSite, String host) {
        if (fetchSite != null && !fetchSite.equals("same-origin") && !fetchSite.equals("none")) {
            return "Sec-Fetch-Site: " + fetchSite;
        }
        if (origin == null) {
            return null; // not a browser's cross-site request (browsers send Origin on every form post)
        }
        try {
            URI uri = new URI(origin);
            String named = uri.getHost() == null
                    ? null
                    : (uri.getHost().contains(":") && !uri.getHost().startsWith("[")
                                    ? "[" + uri.getHost() + "]"
                                    : uri.getHost())
                            + ":" + (uri.getPort() < 0 ? 80 : uri.getPort());
            if ("http".equals(uri.getScheme())
                    && named != null
                    && named.toLowerCase(Locale.ROOT).equals(host.strip().toLowerCase(Locale.ROOT))) {
                return null;
            }
        } catch (URISyntaxException e) {
            // not an origin at all
        }
        return "Origin: " + origin;
    }

    /** A new session id for a browser's cookie. */
    static String newSession() {
        byte[] id = new byte[24];
        RANDOM.nextBytes(id);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(id);
    }

    /** The token every form of this session carries. */
    String token(String session) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(mac.doFinal(session.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** True when the form's token is the session's (compared in constant time). */
    boolean tokenValid(String session, String token) {
        if (session == null || token == null) {
            return false;
        }
        return MessageDigest.isEqual(
                token(session).getBytes(StandardCharsets.US_ASCII), token.getBytes(StandardCharsets.US_ASCII));
    }
}
