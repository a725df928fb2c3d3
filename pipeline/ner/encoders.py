"""Context encoders for the bundled NER's tok2vec beyond spaCy's CNN.

spaCy's ``MaxoutWindowEncoder`` sees a fixed window of words around each token (depth × window on
each side); its only recurrent encoder, ``spacy.TorchBiLSTMEncoder.v1``, needs PyTorch, which the
offline default pipeline does not install. Whether a town is a place or a team/government
("Danmark vandt", "Aarhus har besluttet") is often decided by words outside that window, so
``referater.CNNBiLSTMEncoder.v1`` adds a bidirectional LSTM over the whole sentence on top of the
CNN, using thinc's own LSTM (NumPy, no PyTorch) and a residual connection so the CNN features
still reach the NER directly.
"""

from __future__ import annotations

from spacy.ml.models.tok2vec import MaxoutWindowEncoder
from spacy.util import registry
from thinc.api import LSTM, Model, chain, residual, with_padded
from thinc.types import Floats2d


@registry.architectures("referater.CNNBiLSTMEncoder.v1")
def CNNBiLSTMEncoder(width: int, depth: int, window_size: int, maxout_pieces: int,
                     lstm_depth: int, lstm_dropout: float) -> Model[list[Floats2d], list[Floats2d]]:
    """``spacy.MaxoutWindowEncoder.v2`` followed by a residual ``lstm_depth``-layer BiLSTM of the same width."""
    if width % 2:
        raise ValueError("width must be even: each LSTM direction gets half")
    cnn = MaxoutWindowEncoder(width=width, depth=depth, window_size=window_size, maxout_pieces=maxout_pieces)
    bilstm = with_padded(LSTM(nO=width, nI=width, bi=True, depth=lstm_depth, dropout=lstm_dropout))
    model = chain(cnn, residual(bilstm))
    model.set_dim("nO", width)
    return model
