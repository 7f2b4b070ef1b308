package dev.clusterspec;

/**
 * Marks an exception whose message tells the user what is wrong with their input and what to do:
 * front ends show the message alone, never a stack trace.
 */
public interface UserError {
}
