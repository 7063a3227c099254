package io.newsflow.launcher;

public final class Newsflow {
    public static void main(String[] args) {
    }
}
