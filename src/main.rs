fn main() {
    jinzai_hoshin::mount();
}
