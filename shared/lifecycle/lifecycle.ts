/**
 * Whether this process is stopping. A stop sets it first, so that the readiness probes
 * (`/healthz`, `GET /health/ready`) answer 503 while the requests in flight finish and a load
 * balancer that probes them sends nothing new.
 */
export class Lifecycle {
  private stopping = false;

  get draining(): boolean {
    return this.stopping;
  }

  startDraining(): void {
    this.stopping = true;
  }
}
