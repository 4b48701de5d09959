/// CRC-32 (IEEE 802.3, the zlib polynomial), bitwise: inputs here are a few dozen bytes.
enum CRC32 {
    static func checksum(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for i in range {
            crc ^= UInt32(bytes[i])
            for _ in 0..<8 { crc = (crc >> 1) ^ (0xEDB8_8320 & (0 &- (crc & 1))) }
        }
        return ~crc
    }
}
