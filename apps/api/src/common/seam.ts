/**
 * Something a feature needs done by a feature downstream of it, inside its own transaction:
 * the upstream feature declares the seam, the downstream one plugs its function in once at boot
 * (onModuleInit, before any job runs). Data still flows one way in the imports
 * (.dependency-cruiser.cjs); only the call goes back up at run time.
 */
export abstract class Seam<F extends (...args: never[]) => Promise<unknown>> {
  private fn: F | null = null;

  /** `what` and `supplier` only name the seam in the errors a wiring mistake gives. */
  protected constructor(private readonly what: string, private readonly supplier: string) {}

  use(fn: F): void {
    if (this.fn) throw new Error(`a ${this.what} is already set`);
    this.fn = fn;
  }

  protected get supplied(): F {
    if (!this.fn) throw new Error(`no ${this.what} is set: ${this.supplier} is not loaded`);
    return this.fn;
  }
}
