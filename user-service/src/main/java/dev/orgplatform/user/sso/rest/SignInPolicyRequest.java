package dev.orgplatform.user.sso.rest;

import dev.orgplatform.user.sso.SignInPolicy;

public record SignInPolicyRequest(SignInPolicy policy) {
}
