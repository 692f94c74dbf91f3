//! One at a time: the background handles each message and tab event to the end before the
//! next starts, across every `await`. Its state lives in storage, read and written inside a
//! turn, so two quick changes (two clicks, a toggle during an import, two frames' scans) each
//! build on the other instead of one overwriting the other.

use js_sys::{Function, Promise};
use std::cell::RefCell;
use std::collections::VecDeque;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

#[derive(Default)]
struct Queue {
    busy: bool,
    /// Resolvers of the turns waiting, first come first served.
    waiting: VecDeque<Function>,
}

thread_local! {
    static QUEUE: RefCell<Queue> = RefCell::new(Queue::default());
}

/// The right to read and write the background's state until dropped.
pub struct Turn(());

/// Waits until every earlier turn is over.
pub async fn turn() -> Turn {
    let wait = QUEUE.with(|q| {
        let mut q = q.borrow_mut();
        if !q.busy {
            q.busy = true;
            return None;
        }
        let mut resolver = None;
        let promise = Promise::new(&mut |resolve, _reject| resolver = Some(resolve));
        q.waiting.extend(resolver);
        Some(promise)
    });
    if let Some(promise) = wait {
        // Resolved by the previous turn's drop, which hands `busy` over rather than clearing it.
        let _ = JsFuture::from(promise).await;
    }
    Turn(())
}

impl Drop for Turn {
    fn drop(&mut self) {
        let next = QUEUE.with(|q| {
            let mut q = q.borrow_mut();
            let next = q.waiting.pop_front();
            q.busy = next.is_some();
            next
        });
        if let Some(resolve) = next {
            let _ = resolve.call0(&JsValue::NULL);
        }
    }
}
