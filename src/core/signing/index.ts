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
export { diagnose, isMixedContent, probeReachable, type BlankFrameSignals } from './diagnose.js';
export { scheduleExpiry, expiryTime } from './expiry.js';
