package dev.orgplatform.user.client;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgplatform.user.config.SsoConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.core.dns.DnsClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.dns.DnsClient;

/** TXT records as the configured DNS server (or the system's resolver) answers them, without blocking a thread. */
@ApplicationScoped
public class DnsTxtRecords {

    private final DnsClient dns;

    public DnsTxtRecords(Vertx vertx, SsoConfig config) {
        DnsClientOptions options = new DnsClientOptions().setQueryTimeout(config.dnsTimeout().toMillis());
        config.dnsServer().ifPresent(server -> {
            int colon = server.lastIndexOf(':');
            options.setHost(colon < 0 ? server : server.substring(0, colon));
            options.setPort(colon < 0 ? 53 : Integer.parseInt(server.substring(colon + 1)));
        });
        this.dns = vertx.createDnsClient(options);
    }

    /** The texts of {@code name}'s TXT records; none when the name does not exist. A server that does not answer fails. */
    public Uni<List<String>> of(String name) {
        return dns.resolveTXT(name).onFailure(DnsTxtRecords::nameUnknown).recoverWithItem(List.of());
    }

    private static boolean nameUnknown(Throwable e) {
        return e instanceof io.vertx.core.dns.DnsException d && d.code() == io.vertx.core.dns.DnsResponseCode.NXDOMAIN;
    }
}
