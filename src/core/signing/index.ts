export { createNonce } from './nonce.js';
export {
  BridgeGate,
  markerCause,
  isBridgeMessage,
  type BridgeData,
  type BridgeType,
  type Expectation,
  type MessageStats,
  type RejectReason,
} from './bridge.js';
export { diagnose, isMixedContent, type BlankFrameSignals } from './diagnose.js';
export { probeReachable } from './probe.js';
export { scheduleExpiry, expiryTime } from './expiry.js';
