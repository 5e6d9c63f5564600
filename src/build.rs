//! Build script: links the `gavel` program at a fixed address on Linux.
//!
//! A position-independent program has its 29,000 pointers to its own code and tables fixed up
//! by the loader at every start, writing (and so copying) 540 KB of pages: 1.7 ms of a 3.7 ms
//! start, measured, and every `gavel toc` pays it. Linked at a fixed address the linker fixes
//! them once. The libraries, the heap and the stack are still placed at random.

fn main() {
    let linux = std::env::var("CARGO_CFG_TARGET_OS").is_ok_and(|os| os == "linux");
    if linux {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
    println!("cargo:rerun-if-changed=src/build.rs");
}
