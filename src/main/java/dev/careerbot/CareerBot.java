package dev.careerbot;

public final class CareerBot {
    public static void main(String[] args) {
        System.out.println("CareerBot");
    }
}
