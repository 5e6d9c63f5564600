//! The search for the bytes cleaning must look at ([`asks_for_look`]), with the processor's
//! byte shuffles where it has AVX2: each byte's two halves look up two tables of 16, and a byte
//! asks for a look when both lookups share a bit: about seven instructions for 32 bytes, where
//! comparing each byte with every kind of byte it may be took about twenty.

use super::{asks_for_look, first_where};

/// Where the next byte from `i` (a character boundary) that asks for a look is: a control, or
/// the lead of a character that may need care; the text's length if none. In valid UTF-8 those
/// bytes are never inside a longer character, so the text is searched a block of 32 bytes at a
/// time.
pub fn next(bytes: &[u8], i: usize) -> usize {
    let rest = &bytes[i..];
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2") {
        // SAFETY: the processor has AVX2, as just checked.
        return i + unsafe { avx2::find(rest) };
    }
    i + first_where::<32>(rest, asks_for_look)
}

/// The classes of byte that ask for a look, a bit each, by the byte's high half (`HIGH`) and low
/// half (`LOW`): controls but tab, line feed and form feed (0x00–0x1F), DEL (0x7F), and the leads
/// 0xC2, 0xD8, 0xE2 and 0xEF.
#[cfg(any(target_arch = "x86_64", test))]
const HIGH: [u8; 16] = [
    0x01, 0x02, 0, 0, 0, 0, 0, 0x04, 0, 0, 0, 0, 0x08, 0x10, 0x20, 0,
];
#[cfg(any(target_arch = "x86_64", test))]
const LOW: [u8; 16] = {
    let mut low = [0x02u8; 16]; // 0x10–0x1F: every low half
    let mut l = 0;
    while l < 16 {
        // 0x00–0x08, 0x0B, 0x0D–0x0F: the controls below 0x10 but tab, line feed, form feed.
        if !matches!(l, 0x09 | 0x0A | 0x0C) {
            low[l] |= 0x01;
        }
        l += 1;
    }
    low[0x0F] |= 0x04 | 0x20; // DEL, 0xEF
    low[0x02] |= 0x08 | 0x20; // 0xC2, 0xE2
    low[0x08] |= 0x10; // 0xD8
    low
};

/// A table in each 16-byte lane of 32: the byte shuffles look up within their lane.
#[cfg(target_arch = "x86_64")]
const fn lanes(table: [u8; 16]) -> [u8; 32] {
    let mut both = [0u8; 32];
    let mut i = 0;
    while i < 32 {
        both[i] = table[i % 16];
        i += 1;
    }
    both
}

#[cfg(target_arch = "x86_64")]
static TABLES: [[u8; 32]; 2] = [lanes(HIGH), lanes(LOW)];

/// Whether the two tables say `b` asks for a look: what the vector search computes.
#[cfg(test)]
fn by_tables(b: u8) -> bool {
    HIGH[usize::from(b >> 4)] & LOW[usize::from(b & 0x0F)] != 0
}

#[cfg(target_arch = "x86_64")]
mod avx2 {
    use std::arch::x86_64::*;

    /// Where the first byte of `bytes` that asks for a look is; the length of `bytes` if none.
    #[target_feature(enable = "avx2")]
    pub fn find(bytes: &[u8]) -> usize {
        let load = |block: &[u8; 32]| {
            // SAFETY: an unaligned load of the 32 bytes of `block`.
            unsafe { _mm256_loadu_si256(block.as_ptr().cast()) }
        };
        let (high, low) = (load(&super::TABLES[0]), load(&super::TABLES[1]));
        let halves = _mm256_set1_epi8(0x0F);
        let asks = |block: &[u8; 32]| {
            let v = load(block);
            let l = _mm256_shuffle_epi8(low, _mm256_and_si256(v, halves));
            let h = _mm256_shuffle_epi8(high, _mm256_and_si256(_mm256_srli_epi16(v, 4), halves));
            _mm256_and_si256(l, h)
        };
        let holds = |hit: __m256i| _mm256_testz_si256(hit, hit) == 0;
        // The place in a block of its first byte that asks (one that has one).
        let first = |hit: __m256i| {
            let quiet = _mm256_movemask_epi8(_mm256_cmpeq_epi8(hit, _mm256_setzero_si256()));
            (!quiet).trailing_zeros() as usize
        };
        let (blocks, tail) = bytes.as_chunks::<32>();
        // Two blocks a step, told apart only when one holds such a byte.
        let mut n = 0;
        while n + 2 <= blocks.len() {
            let (a, b) = (asks(&blocks[n]), asks(&blocks[n + 1]));
            if holds(_mm256_or_si256(a, b)) {
                return if holds(a) {
                    n * 32 + first(a)
                } else {
                    (n + 1) * 32 + first(b)
                };
            }
            n += 2;
        }
        if let Some(block) = blocks.get(n) {
            let hit = asks(block);
            if holds(hit) {
                return n * 32 + first(hit);
            }
        }
        // The last bytes in a block of their own, filled out with a letter: most strings
        // searched are short (a paragraph's run of text), and are searched at once.
        if !tail.is_empty() {
            let mut block = [b'x'; 32];
            block[..tail.len()].copy_from_slice(tail);
            let hit = asks(&block);
            if holds(hit) {
                return blocks.len() * 32 + first(hit);
            }
        }
        bytes.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tables_ask_for_the_bytes_cleaning_looks_at() {
        for b in 0..=u8::MAX {
            assert_eq!(by_tables(b), asks_for_look(b), "{b:#04x}");
        }
    }

    #[test]
    fn both_searches_stop_at_the_byte() {
        let mut bytes = vec![b'x'; 200];
        for at in 0..200 {
            bytes[at] = 0xE2;
            #[cfg(target_arch = "x86_64")]
            if std::arch::is_x86_feature_detected!("avx2") {
                // SAFETY: the processor has AVX2, as just checked.
                assert_eq!(unsafe { avx2::find(&bytes) }, at, "at {at}");
            }
            assert_eq!(first_where::<32>(&bytes, asks_for_look), at);
            bytes[at] = b'x';
        }
    }

    #[test]
    fn the_search_finds_the_first_byte_that_asks_wherever_it_lies() {
        // Every byte that asks, and some that do not, at every place across three blocks and
        // a tail, searched from every start before it.
        let probes: Vec<u8> = (0..=u8::MAX)
            .filter(|&b| asks_for_look(b))
            .chain(*b"\n\t\x0c a\xC3\xE3")
            .collect();
        for probe in probes {
            for at in 0..100 {
                let mut bytes = vec![b'x'; 100];
                bytes[at] = probe;
                for from in (0..=at).step_by(7) {
                    let want = if asks_for_look(probe) { at } else { 100 };
                    assert_eq!(next(&bytes, from), want, "{probe:#04x} at {at} from {from}");
                }
            }
        }
        assert_eq!(next(b"", 0), 0);
    }
}
