package dev.orgplatform.billing;

public enum Plan {
    FREE, PLUS, PRO, BUSINESS, ENTERPRISE
}
