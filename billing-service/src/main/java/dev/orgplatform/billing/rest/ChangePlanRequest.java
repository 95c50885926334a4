package dev.orgplatform.billing.rest;

import jakarta.validation.constraints.NotNull;

import dev.orgplatform.billing.Plan;

public record ChangePlanRequest(@NotNull Plan plan) {
}
