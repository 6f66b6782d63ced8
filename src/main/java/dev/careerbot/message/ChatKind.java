package dev.careerbot.message;

/** Whether a conversation is one to one with the bot or shared by many people. */
public enum ChatKind {
    PRIVATE,
    GROUP
}
