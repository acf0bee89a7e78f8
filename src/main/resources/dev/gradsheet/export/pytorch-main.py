# ---- Running it: gradsheet eval, step and train, in PyTorch -----------------------------------------


def evaluate(values):
    """Every cell's value and gradient d objective / d cell at the given inputs and weights."""
    leaves = {name: torch.tensor(v, dtype=DTYPE, requires_grad=True) for name, v in values.items()}
    cells = forward(leaves)
    for tensor in cells.values():
        if tensor.requires_grad and not tensor.is_leaf:
            tensor.retain_grad()  # keep every cell's gradient, not only the leaves'
    if OBJECTIVE is not None:
        cells[OBJECTIVE].backward()
    value = {name: tensor.item() for name, tensor in cells.items()}
    grad = {name: (tensor.grad.item() if tensor.grad is not None else 0.0) for name, tensor in cells.items()}
    for loss, p, t in LOGITS_BCE:
        # what the logits-form bce shows on its sigmoid cell: d bce / d p (it did not flow through p)
        if grad[loss] != 0:
            grad[p] += grad[loss] * ((value[p] - value[t]) / (value[p] * (1 - value[p])))
    return value, grad


def objective_of(value):
    return value[OBJECTIVE] if OBJECTIVE is not None else float("nan")


def sgd_step(values, grad, lr, gradient=None):
    """w <- w - lr * gradient for every weight at once (the weights' own gradients unless given)."""
    moved = dict(values)
    for w in WEIGHTS:
        moved[w] = values[w] - lr * (grad[w] if gradient is None else gradient[w])
    return moved


def exact(v):
    """A number as GradSheet writes it in a formula: -4, 0.01, 1.0E-4."""
    if not math.isfinite(v):
        return "NaN" if math.isnan(v) else ("Infinity" if v > 0 else "-Infinity")
    if v == int(v) and abs(v) < 1e15:
        return "-0" if v == 0 and math.copysign(1, v) < 0 else str(int(v))
    digits, exponent = _shortest(v)
    point = exponent + 1  # digits before the decimal point
    sign = "-" if v < 0 else ""
    if 1e-3 <= abs(v) < 1e7:  # Java's Double.toString: plain in this range, else d.dddE-n
        if point <= 0:
            return sign + "0." + "0" * -point + digits
        whole, fraction = digits[:point].ljust(point, "0"), digits[point:]
        return sign + whole + "." + (fraction or "0")
    return sign + digits[0] + "." + (digits[1:] or "0") + "E" + str(exponent)


def _shortest(v):
    sign, digits, exponent = Decimal(repr(abs(v))).as_tuple()
    text = "".join(map(str, digits)).rstrip("0") or "0"
    return text, exponent + len(digits) - 1


def readable(v):
    """v rounded to 10 significant digits (half up), as gradsheet eval's table shows it."""
    if math.isnan(v):
        return "NaN"
    if math.isinf(v):
        return "Infinity" if v > 0 else "-Infinity"
    if v == 0:
        return "0"
    d = Context(prec=10, rounding=ROUND_HALF_UP).plus(Decimal(v)).normalize(Context(prec=10))
    if 1e-4 <= abs(v) < 1e12:
        return format(d, "f")
    return str(d).replace("E+", "e").replace("E", "e")


def formula_of(name, kind, formula, value):
    """A cell's formula as GradSheet shows it: an input's or weight's states its current value."""
    return kind + "(" + exact(value[name]) + ")" if kind in ("input", "weight") else formula


def print_table(value, grad):
    header = ("name", "kind", "formula", "value", "grad")
    rows = [(name + (" *" if name == OBJECTIVE else ""), kind, formula_of(name, kind, formula, value),
             readable(value[name]), readable(grad[name])) for name, kind, formula in CELLS]
    width = [max([len(header[f])] + [len(r[f]) for r in rows]) for f in range(5)]
    for r in [header] + rows:
        print("  ".join(r[f].ljust(width[f]) if f < 3 else r[f].rjust(width[f]) for f in range(5)))
    if OBJECTIVE is None:
        print("* the sheet has no cells, so no objective")
    else:
        print("* objective " + OBJECTIVE + " = " + readable(value[OBJECTIVE]))


def print_json(value, grad, lr, extras=None):
    def number(v):
        return v if math.isfinite(v) else ("NaN" if math.isnan(v) else ("Infinity" if v > 0 else "-Infinity"))
    out = {"objective": OBJECTIVE, "lr": lr,
           "cells": [{"name": n, "kind": k, "formula": formula_of(n, k, f, value), "value": number(value[n]), "grad": number(grad[n])}
                     for n, k, f in CELLS]}
    out.update(extras or {})
    print(json.dumps(out, indent=2))


def refuse(message):
    print("gradsheet script: " + message, file=sys.stderr)
    sys.exit(2)


def run_steps(steps, lr):
    """gradsheet step --steps N --lr X: N SGD steps, each from the gradients of the weights before it."""
    values = dict(START)
    value, grad = evaluate(values)
    before = objective_of(value)
    for s in range(steps):
        if OBJECTIVE is not None and not math.isfinite(value[OBJECTIVE]):
            refuse(("after step %d, " % s if s else "") + "the objective is " + str(value[OBJECTIVE])
                   + "; an SGD step needs finite numbers")
        values = sgd_step(values, grad, lr)
        value, grad = evaluate(values)
    return value, grad, before


def run_training(lr):
    """gradsheet train: mini-batch SGD over DATA, the batches in ORDER, the step gradient the batch mean."""
    values = dict(START)
    samples = len(DATA)
    losses = []
    for epoch in range(TRAIN["epochs"]):
        order = ORDER[epoch] if ORDER is not None else list(range(samples))
        epoch_sum = 0.0
        for start in range(0, samples, TRAIN["batch"]):
            end = min(samples, start + TRAIN["batch"])
            loss = 0.0
            total = {w: 0.0 for w in WEIGHTS}
            for r in range(start, end):
                for column, v in zip(DATA_COLUMNS, DATA[order[r]]):
                    values[column] = v
                value, grad = evaluate(values)
                loss += value[OBJECTIVE] if OBJECTIVE is not None else 0.0
                for w in WEIGHTS:
                    total[w] += grad[w]
            n = end - start
            values = sgd_step(values, None, lr, {w: total[w] / n for w in WEIGHTS})
            epoch_sum += (loss / n) * n
        losses.append(epoch_sum / samples)
    value, grad = evaluate(values)
    return value, grad, losses


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true", help="print one JSON object, as gradsheet eval --json")
    parser.add_argument("--steps", type=int, default=0, help="SGD steps to take first, as gradsheet step --steps")
    parser.add_argument("--lr", type=float, default=LR, help="learning rate (default: the sheet's, %s)" % exact(LR))
    parser.add_argument("--train", action="store_true", help="run the training written into this script")
    args = parser.parse_args()
    if args.train:
        if DATA is None:
            refuse("this sheet had no data table to train on when it was exported" + TRAIN_MISSING)
        value, grad, losses = run_training(args.lr)
        if args.json:
            print_json(value, grad, args.lr, {"losses": losses, "samples": len(DATA), "batch": TRAIN["batch"]})
            return
        per_epoch = (len(DATA) + TRAIN["batch"] - 1) // TRAIN["batch"]
        print("%d samples, batch %d (%d steps per epoch), %d epochs, lr %s%s" % (
            len(DATA), TRAIN["batch"], per_epoch, TRAIN["epochs"], exact(args.lr),
            ", shuffle seed %d" % TRAIN["seed"] if ORDER is not None else ""))
        print("epoch  loss")
        for e, loss in enumerate(losses):
            print("%5d  %s" % (e + 1, readable(loss)))
        print_table(value, grad)
        return
    if args.steps < 0:
        refuse("steps must be at least 1, not %d" % args.steps)
    if args.steps > 0:
        value, grad, before = run_steps(args.steps, args.lr)
        if args.json:
            print_json(value, grad, LR, {"steps": args.steps, "objectiveBefore": before,
                                         "objectiveAfter": objective_of(value)})
            return
        print("%d SGD step%s at lr %s: %s %s -> %s" % (args.steps, "" if args.steps == 1 else "s", exact(args.lr),
                                                       OBJECTIVE, readable(before), readable(objective_of(value))))
        print_table(value, grad)
        return
    value, grad = evaluate(dict(START))
    if args.json:
        print_json(value, grad, LR)
    else:
        print_table(value, grad)


if __name__ == "__main__":
    main()
