package io.newsflow.fuzz;

/** A real, valid input of a target (a test resource or a record the serde wrote), named for reports. */
public record Seed(String name, byte[] bytes) {

    @Override
    public String toString() {
        return name + " (" + bytes.length + " bytes)";
    }
}
