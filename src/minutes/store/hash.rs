//! The one hash the store uses: 64-bit FNV-1a. The journal checks its records with it byte by
//! byte; the agenda identity feeds it whole words, which is eight times fewer multiplies for the
//! same stability (little-endian, so the same value on every machine). Both values are on disk:
//! never change what a given input hashes to.

const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const PRIME: u64 = 0x0000_0100_0000_01b3;

#[derive(Debug, Clone, Copy)]
pub struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(OFFSET)
    }
}

impl Fnv {
    /// FNV-1a of some bytes, one byte at a time.
    pub fn of_bytes(bytes: &[u8]) -> u64 {
        bytes
            .iter()
            .fold(OFFSET, |h, &b| (h ^ u64::from(b)).wrapping_mul(PRIME))
    }

    pub fn number(&mut self, n: u64) {
        self.0 = (self.0 ^ n).wrapping_mul(PRIME);
    }

    /// A string with its length first, so no two sequences of strings run together.
    pub fn text(&mut self, s: &str) {
        self.number(s.len() as u64);
        let mut chunks = s.as_bytes().chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.number(u64::from_le_bytes(word));
        }
        let mut last = [0u8; 8];
        last[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
        self.number(u64::from_le_bytes(last));
    }

    pub fn option(&mut self, s: Option<&str>) {
        match s {
            Some(s) => {
                self.number(1);
                self.text(s);
            }
            None => self.number(0),
        }
    }

    pub fn finish(self) -> u64 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Pinned: journals and minutes files on disk carry these values.
    #[test]
    fn values_never_change() {
        assert_eq!(Fnv::of_bytes(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(Fnv::of_bytes(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(Fnv::of_bytes(b"foobar"), 0x8594_4171_f739_67e8);
        let mut h = Fnv::default();
        h.text("3.4");
        h.option(None);
        h.number(7);
        assert_eq!(h.finish(), PINNED_WORDS);
    }

    const PINNED_WORDS: u64 = 0xe8b9_5b01_2885_0f0a;
}
