/// Which day serial number 0 stands for.
public enum DateSystem: Sendable {
    /// Serial 1 is 1900-01-01, with Excel's fictitious 1900-02-29 (serial 60).
    case d1900
    /// Serial 0 is 1904-01-01 (old Mac Excel files).
    case d1904
}
