/**
 * The model's version, carried by every export's manifest and by Monte Carlo
 * results: bump it whenever a change to models/ can change a number.
 */
export const MODEL_VERSION = '0.1.0';
