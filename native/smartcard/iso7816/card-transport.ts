/**
 * The one seam under every protocol layer: send a command APDU, get the raw
 * response APDU (data ‖ SW1 SW2). PC/SC implements it; tests may implement it
 * over a virtual card. Implementations reject with a CardError when the card
 * or the reader is gone.
 */
export interface CardTransport {
  transmit(apdu: Uint8Array): Promise<Uint8Array>;
}
