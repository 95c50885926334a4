package dev.orgplatform.billing.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.orgplatform.billing.BillingAccount;
import dev.orgplatform.billing.UsageAlert;
import dev.orgplatform.billing.config.AlertConfig;
import dev.orgplatform.billing.repository.BillingAccountRepository;
import dev.orgplatform.billing.repository.UsageAlertRepository;
import dev.orgplatform.platform.clock.PlatformClock;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Emails each recorded threshold crossing to the billing email, after the usage change committed: an alert is
 * marked sent only once the SMTP server took it, so a mail outage delays alerts and loses none.
 */
@ApplicationScoped
public class AlertEmailJob {

    private static final Logger LOG = Logger.getLogger(AlertEmailJob.class);

    private final UsageAlertRepository alerts;
    private final BillingAccountRepository accounts;
    private final ReactiveMailer mailer;
    private final PlatformClock clock;
    private final int batchSize;

    public AlertEmailJob(UsageAlertRepository alerts, BillingAccountRepository accounts, ReactiveMailer mailer, PlatformClock clock,
            AlertConfig config) {
        this.alerts = alerts;
        this.accounts = accounts;
        this.mailer = mailer;
        this.clock = clock;
        this.batchSize = config.emailBatch();
    }

    @Scheduled(every = "${billing.alerts.email-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduled() {
        return sendPending().replaceWithVoid()
                .onFailure().invoke(e -> LOG.warnf("alert emails will retry: %s", e.toString()))
                .onFailure().recoverWithNull();
    }

    /** Sends what is pending now; emits how many alerts were handled. One refused email does not hold up the rest. */
    @WithTransaction
    public Uni<Integer> sendPending() {
        return alerts.unsent(batchSize).chain(pending -> Multi.createFrom().iterable(pending)
                .onItem().transformToUniAndConcatenate(this::send)
                .collect().asList().map(List::size));
    }

    private Uni<Void> send(UsageAlert alert) {
        return accounts.findById(alert.organizationId).chain(account -> {
            if (account == null || account.billingEmail == null || account.billingEmail.isBlank()) {
                alert.emailSentAt = clock.now(); // nobody to tell; the event was published all the same
                return Uni.createFrom().voidItem();
            }
            Context context = Vertx.currentContext();
            return mailer.send(mail(account, alert))
                    .emitOn(command -> context.runOnContext(ignored -> command.run())) // back on the session's context
                    .invoke(() -> alert.emailSentAt = clock.now())
                    .onFailure().invoke(e -> LOG.warnf("alert email to %s failed, will retry: %s", account.billingEmail, e.toString()))
                    .onFailure().recoverWithNull();
        });
    }

    private static Mail mail(BillingAccount account, UsageAlert alert) {
        String resource = alert.resource.key();
        return Mail.withText(account.billingEmail,
                "Usage alert: " + resource + " at " + alert.thresholdPercent + "% of the limit",
                "Your organization " + account.organizationId + " uses " + alert.used + " of its " + alert.limitValue + " " + resource
                        + ", which reached the alert threshold of " + alert.thresholdPercent + "%.\n\n"
                        + "Raise the limit or change the plan before it blocks new " + resource + ".\n");
    }
}
