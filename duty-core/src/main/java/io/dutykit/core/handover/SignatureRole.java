package io.dutykit.core.handover;

/** In which capacity a handover was signed. */
public enum SignatureRole {
    OUTGOING,
    INCOMING
}
