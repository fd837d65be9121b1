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
  'onnx-bad-varint': 'a number is not validly encoded',
  'onnx-past-end': 'a field runs past the end of its message',
  'onnx-too-deep': 'messages are nested too deeply',
  'onnx-end-group': 'a group is not closed properly',
  /** Any other failure of the protobuf decoder: its own words, as a last resort. */
  'onnx-undecodable': 'undecodable bytes ({text})',
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
  /** A node that cannot be: `text` says what, by one of the codes below. */
  'onnx-node': 'node "{node}" ({op}): {text}',
  /** A malformed attribute: `expected` and `actual` are notes of the two lists after. */
  'onnx-attr': 'attribute "{name}" must be {expected}',
  'onnx-attr-is': 'attribute "{name}" must be {expected} (it is {actual})',
  'onnx-expect-int': 'an integer',
  'onnx-expect-number': 'a number',
  'onnx-expect-ints': 'a list of integers',
  'onnx-expect-numbers': 'a list of numbers',
  'onnx-expect-string': 'a string',
  'onnx-expect-pair': 'two positive integers',
  'onnx-expect-auto-pad': 'NOTSET, SAME_UPPER, SAME_LOWER or VALID',
  'onnx-expect-pads': 'four non-negative integers',
  'onnx-expect-present': 'present',
  'onnx-expect-perm': 'a permutation of the axes',
  'onnx-is-int': 'an integer ({value})',
  'onnx-is-float': 'a float ({value})',
  'onnx-is-ints': 'a list of integers [{values}]',
  'onnx-is-floats': 'a list of floats [{values}]',
  'onnx-is-string': 'a string ("{value}")',
  'onnx-is-strings': 'a list of strings',
  'onnx-is-tensor': 'a tensor',
  'onnx-is-graph': 'a graph',
  'onnx-is-unknown': 'of an unknown type',
  /**
   * An int64 beyond 2⁵³ (read with rounding), never shown as a made-up exact value: 9.22 × 10¹⁸, the
   * power's digits raised. `onnx-seq` joins a list with one in it: "1, about 9.22 × 10¹⁸, 3".
   */
  'onnx-about': 'about {mantissa} × 10{power}',
  'onnx-seq': '{a}, {b}',
  'onnx-dims': '[{values}]',
  /**
   * An input of a node: its role and its name in the ONNX specification (the operator registry's
   * `onnx.inputs`), else its position from 1.
   */
  'onnx-input': '{role} {name}',
  'onnx-input-at': 'input #{index}',
  'onnx-role-input': 'input',
  'onnx-role-weight': 'weight',
  'onnx-role-bias': 'bias',
  'onnx-role-scale': 'scale factor',
  'onnx-role-mean': 'running mean',
  'onnx-role-variance': 'running variance',
  'onnx-role-recurrent-weight': 'recurrent weight',
  /** Shapes and sizes of a node that do not fit; dims are written [a, b, …] as in the file. */
  'onnx-rank': '{what} has {rank} dimensions, expected {expected}',
  'onnx-direction': 'direction "{direction}" is not forward, reverse or bidirectional',
  'onnx-rnn-weights': 'W {w} and R {r} do not fit {dirs}×{gates}·{hidden} gates over {features} features',
  'onnx-rnn-bias': 'B {dims} is not [{dirs}, {size}]',
  'onnx-conv-group': 'weight {dims} with group {group} does not fit {channels} input channels',
  'onnx-weight-channels': 'weight {dims} does not fit {channels} input channels',
  'onnx-weight-features': 'weight {dims} does not fit {features} input features',
  'onnx-kernel-shape': 'kernel_shape {kernel} differs from the weight {dims}',
  'onnx-bias-size': 'bias has {size} elements for {channels} output channels',
  'onnx-kernel-too-large': 'kernel {kh}×{kw} is larger than the padded input {h}×{w}',
  'onnx-window-too-large': 'window {kh}×{kw} is larger than the padded input {h}×{w}',
  'onnx-output-below-1': 'output size is below 1',
  'onnx-output-invalid': 'output size {size} is invalid',
  'onnx-inner-sizes': 'inner sizes differ: {a} · {b}',
  'onnx-pads-count': 'pads has {count} values for {axes} axes',
  'onnx-scales-positive': 'scales must be positive',
  'onnx-norm-param': '{what} has {size} elements for {channels} channels',
  'onnx-reshape': 'cannot produce a valid shape from {dims}',
  'onnx-concat': 'inputs {a} and {b} do not fit',
  /** The converted model does not validate, or the graph cannot be analysed. */
  'onnx-inconsistent': 'the converted model is inconsistent: {text}',
  'onnx-not-analysed': 'the ONNX graph cannot be analysed: {text}',
} as const;
