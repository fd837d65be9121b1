/**
 * Why an ONNX file could not be opened, by code (part of the error table, ./error-messages): the file
 * itself (empty, not ONNX, cut short, an unsupported version), its graph input and its graph. Names
 * and shapes from the file are parameters as written there; the English is what the importer always said.
 */
export const ONNX_MESSAGES = {
  /** Reading the bytes. */
  'onnx-empty': 'the file is empty',
  'onnx-invalid': 'the file is not a valid ONNX model ({detail})',
  'onnx-invalid-at': 'the file is not a valid ONNX model ({what} at byte {pos})',
  'onnx-truncated': 'the file is truncated or not an ONNX model (a field runs past its end at byte {pos})',
  'onnx-no-graph': 'the file is not an ONNX model (it has no graph or no IR version)',
  'onnx-ir-version': 'ONNX IR version {ir} is not supported (IR 3–10 are)',
  'onnx-no-opset': 'the model imports no ONNX operator set',
  'onnx-opset': 'ONNX opset {opset} is not supported (opsets 7–21 are)',
  /** What `onnx-invalid-at` found at that byte. */
  'onnx-unknown-field': 'unknown field {field}',
  'onnx-graph-wire': 'graph field {field} has wire type {wire}',
  'onnx-long-number': 'a number is longer than 10 bytes',
  'onnx-wire-type': 'unexpected wire type {wire}',
  'onnx-field-zero': 'field number 0',
  /** The graph's input. */
  'onnx-no-input': 'the graph has no input',
  'onnx-input-no-shape': 'graph input "{input}" has no tensor shape',
  'onnx-input-rank':
    'graph input "{input}" has {rank} dimensions; [N, C, H, W], a sequence ([N, T, D] or time-major [T, N, D], N = 1) or [N, features] are supported',
  'onnx-given-rank':
    'the input shape given has {given} dimensions but the model input has {rank} (without batch)',
  'onnx-input-fixed': 'input dimension {index} is fixed at {fixed} in the file, not {given}',
  'onnx-input-not-size': 'input dimension {dims} in "{input}", not a size: give the input shape',
  'onnx-dim-is': '#{index} is {value}',
  'onnx-input-symbolic': 'input dimension {dims} of "{input}" is symbolic: give the input shape',
  'onnx-inputs-symbolic': 'input dimensions {dims} of "{input}" are symbolic: give the input shape',
  'onnx-input-empty': 'graph input "{input}" has an empty dimension',
  /** Sizes out of range; `what` is one of the places below. */
  'onnx-dim-range': '{what} has a dimension {value} outside 0…2³¹',
  'onnx-too-many-elements': '{what} has more than 2⁵³ elements',
  'onnx-negative-dim': '{what} has a negative dimension ({value})',
  'onnx-dim-over-2-40': '{what} has a dimension of {value}, more than 2⁴⁰',
  'onnx-place-input': 'graph input "{name}"',
  'onnx-place-initializer': 'initializer "{name}"',
  'onnx-place-output': 'the output of "{name}"',
  'onnx-place-tensor': 'tensor "{name}"',
  /** The graph's nodes. */
  'onnx-produced-twice': 'value "{value}" is produced twice (node "{node}")',
  'onnx-unknown-value': 'node "{node}" reads "{value}", which no node, initializer or input provides',
  'onnx-cycle': 'the graph has a cycle (through node "{node}")',
  'onnx-constant-no-value': 'Constant node "{node}" has no value',
  /** A node that cannot be: `text` says what, in words of its own (an English detail when it has no code). */
  'onnx-node': 'node "{node}" ({op}): {text}',
  'onnx-detail': '{text}',
  /** The converted model does not validate, or the graph cannot be analysed. */
  'onnx-inconsistent': 'the converted model is inconsistent: {text}',
  'onnx-not-analysed': 'the ONNX graph cannot be analysed: {text}',
} as const;
