public class Handler {}
