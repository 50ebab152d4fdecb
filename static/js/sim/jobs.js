// Runs one job at a time in a module worker; a new job cancels the running one
// (by restarting the worker), so the page never waits for a stale result.

export class CancelledError extends Error {}

export class WorkerJobs {
  constructor(url) {
    this.url = url;
    this.worker = null;
    this.pending = null; // {id, resolve, reject, onProgress}
    this.nextId = 1;
  }

  start() {
    this.worker = new Worker(this.url, { type: 'module' });
    this.worker.onmessage = ({ data }) => {
      const job = this.pending;
      if (!job || data.id !== job.id) return;
      if (data.type === 'progress') { job.onProgress?.(data.fraction); return; }
      this.pending = null;
      if (data.type === 'done') job.resolve(data.value); else job.reject(new Error(data.message));
    };
    this.worker.onerror = (e) => {
      const job = this.pending;
      this.pending = null;
      this.worker.terminate();
      this.worker = null;
      job?.reject(new Error(e.message || 'the worker failed to start'));
    };
  }

  run(message, onProgress) {
    if (this.pending) {
      this.pending.reject(new CancelledError('superseded'));
      this.pending = null;
      this.worker.terminate();
      this.worker = null;
    }
    if (!this.worker) this.start();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending = { id, resolve, reject, onProgress };
      this.worker.postMessage({ id, ...message });
    });
  }
}
