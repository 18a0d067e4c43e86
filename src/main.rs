//! The page's entry point: mounts the app (everything else is in the library).

fn main() {
    jinzai_hoshin::mount();
}
