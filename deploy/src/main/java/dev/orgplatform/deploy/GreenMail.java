package dev.orgplatform.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** GreenMail standalone: SMTP and IMAP in memory, any login accepted. */
final class GreenMail extends Component {
    GreenMail(StackConfig cfg) {
        super(cfg, "greenmail");
    }

    @Override
    boolean healthy() {
        return greets(cfg.smtpPort(), "220") && greets(cfg.imapPort(), "* OK");
    }

    @Override
    List<Integer> ports() {
        return List.of(cfg.smtpPort(), cfg.imapPort());
    }

    @Override
    String where() {
        return "smtp " + cfg.smtpHost() + ":" + cfg.smtpPort() + ", imap " + cfg.smtpHost() + ":" + cfg.imapPort();
    }

    @Override
    ProcessHandle launch(boolean fresh) {
        String host = cfg.smtpHost();
        // per-protocol hostnames only: greenmail.hostname would also open its REST API on port 8080
        List<String> cmd = new ArrayList<>(List.of(Proc.javaBin(), "-Xmx256m"));
        cmd.addAll(StackConfig.INFRASTRUCTURE_JVM_OPTIONS);
        cmd.addAll(List.of("-Dgreenmail.smtp.hostname=" + host, "-Dgreenmail.smtp.port=" + cfg.smtpPort(),
                "-Dgreenmail.imap.hostname=" + host, "-Dgreenmail.imap.port=" + cfg.imapPort(),
                "-Dgreenmail.auth.disabled",
                "-jar", Artifacts.greenmailJar().toString()));
        return spawn(cmd, StackConfig.JVM_ENVIRONMENT);
    }

    private boolean greets(int port, String prefix) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(cfg.smtpHost(), port), 1000);
            s.setSoTimeout(2000);
            InputStream in = s.getInputStream();
            byte[] buf = new byte[64];
            int n = in.read(buf);
            return n > 0 && new String(buf, 0, n, StandardCharsets.US_ASCII).startsWith(prefix);
        } catch (IOException e) {
            return false;
        }
    }
}
