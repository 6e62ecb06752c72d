package com.loyalty.member;

/** How a member joined: in the mini-program, through a store's QR code, or imported. */
public enum RegistrationChannel {
    MINI_PROGRAM,
    STORE,
    IMPORT
}
