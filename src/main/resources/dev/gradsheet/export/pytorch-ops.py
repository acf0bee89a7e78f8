# ---- GradSheet's operations that PyTorch has no function for with the same rule ------------------
# The rest are PyTorch's own (+ - * /, torch.sigmoid, torch.tanh, torch.relu, torch.exp, torch.log,
# torch.sqrt, torch.abs). Each torch.autograd.Function below states its backward rule as GradSheet
# does (the README's formula list), where PyTorch's differs or PyTorch has none.

DTYPE = torch.float64


def number(v):
    """A constant as a tensor; requires_grad so its gradient can be printed, as GradSheet shows it."""
    return torch.tensor(v, dtype=DTYPE, requires_grad=True)


def mse(p, t):
    """Squared error of one sample, (p - t)^2."""
    d = p - t
    return d * d


def maximum(a, b):
    """max(a, b): the gradient goes to the larger argument, to the first at a tie (torch.maximum splits ties)."""
    return torch.where(a >= b, a, b)


def minimum(a, b):
    """min(a, b): the gradient goes to the smaller argument, to the first at a tie."""
    return torch.where(a <= b, a, b)


def leaky_relu(a, slope=None):
    """a where a > 0, else slope * a (slope 0.01 unless given); the slope learns too."""
    if slope is None:
        slope = torch.tensor(0.01, dtype=DTYPE)
    return torch.where(a > 0, a, slope * a)


class _Step(torch.autograd.Function):
    """step(a, theta): 1 where a > theta, else 0. Its gradient is 0: it cannot learn by backprop."""

    @staticmethod
    def forward(ctx, a, theta):
        return (a > theta).to(DTYPE)

    @staticmethod
    def backward(ctx, g):
        return torch.zeros_like(g), torch.zeros_like(g)


def step(a, theta=None):
    return _Step.apply(a, torch.tensor(0.0, dtype=DTYPE) if theta is None else theta)


class _Pow(torch.autograd.Function):
    """pow(a, k) = a^k: d/da = k a^(k-1) (0 where k = 0), d/dk = a^k ln a, 0 where a <= 0."""

    @staticmethod
    def forward(ctx, a, k):
        y = torch.pow(a, k)
        ctx.save_for_backward(a, k, y)
        return y

    @staticmethod
    def backward(ctx, g):
        a, k, y = ctx.saved_tensors
        zero = torch.zeros_like(y)
        da = torch.where(k == 0, zero, k * torch.pow(a, k - 1))
        dk = torch.where(a > 0, y * torch.log(torch.where(a > 0, a, torch.ones_like(a))), zero)
        return g * da, g * dk


def pow(a, k):
    return _Pow.apply(a, k)


class _Softplus(torch.autograd.Function):
    """softplus(a) = ln(1 + e^a), computed so it never overflows; its derivative is sigmoid(a).
    (torch.nn.functional.softplus turns linear above 20, which is off by up to 2e-9.)"""

    @staticmethod
    def forward(ctx, a):
        ctx.save_for_backward(a)
        return torch.clamp(a, min=0) + torch.log1p(torch.exp(-torch.abs(a)))

    @staticmethod
    def backward(ctx, g):
        (a,) = ctx.saved_tensors
        return g * torch.sigmoid(a)


def softplus(a):
    return _Softplus.apply(a)


class _BCE(torch.autograd.Function):
    """Binary cross-entropy -(t ln p + (1 - t) ln(1 - p)): d/dp = (p - t)/(p(1 - p)),
    d/dt = ln(1 - p) - ln p; NaN where p is no probability."""

    @staticmethod
    def forward(ctx, p, t):
        ctx.save_for_backward(p, t)
        if not (0 <= p.item() <= 1):
            return torch.tensor(float("nan"), dtype=DTYPE)
        return -(torch.xlogy(t, p) + torch.xlogy(1 - t, 1 - p))

    @staticmethod
    def backward(ctx, g):
        p, t = ctx.saved_tensors
        return g * ((p - t) / (p * (1 - p))), g * (torch.log1p(-p) - torch.log(p))


def bce(p, t):
    return _BCE.apply(p, t)


class _BCELogits(torch.autograd.Function):
    """bce(sigmoid(z), t) in logits form, as GradSheet computes it when bce's p is a sigmoid cell:
    softplus(z) - t z, exact for every z, and the gradient sigmoid(z) - t goes straight to z
    (d/dt = -z). The sigmoid cell still shows d/dp, added after backward() (see evaluate)."""

    @staticmethod
    def forward(ctx, z, t):
        ctx.save_for_backward(z, t)
        return torch.clamp(z, min=0) - t * z + torch.log1p(torch.exp(-torch.abs(z)))

    @staticmethod
    def backward(ctx, g):
        z, t = ctx.saved_tensors
        return g * (torch.sigmoid(z) - t), -(g * z)


def bce_logits(z, t):
    return _BCELogits.apply(z, t)
