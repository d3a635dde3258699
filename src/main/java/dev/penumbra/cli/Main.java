package dev.penumbra.cli; public class Main { public static void main(String[] a){} }
