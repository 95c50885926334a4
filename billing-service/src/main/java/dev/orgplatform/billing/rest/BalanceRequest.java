package dev.orgplatform.billing.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

public record BalanceRequest(@NotNull @PositiveOrZero Long outstandingCents) {
}
