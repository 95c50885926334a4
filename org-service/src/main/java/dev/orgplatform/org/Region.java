package dev.orgplatform.org;

/** The data-center location of an organization, fixed at creation. */
public enum Region {
    US, EU
}
