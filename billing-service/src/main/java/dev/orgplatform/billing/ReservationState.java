package dev.orgplatform.billing;

/** HELD counts against the limit until it expires; COMMITTED counts until released; RELEASED and EXPIRED do not. */
public enum ReservationState {
    HELD, COMMITTED, RELEASED, EXPIRED
}
