public class Idle {
  public static void main(String[] args) throws Exception {
    byte[][] kept = new byte[16][];
    for (int i = 0; i < kept.length; i++) { kept[i] = new byte[1 << 20]; java.util.Arrays.fill(kept[i], (byte) i); }
    System.out.println("ready");
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
