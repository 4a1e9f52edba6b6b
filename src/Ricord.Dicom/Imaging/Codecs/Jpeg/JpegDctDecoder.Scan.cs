namespace Ricord.Dicom.Imaging;

internal ref partial struct JpegDctDecoder
{
    /// <summary>
    /// One sequential scan (F.2): per block a DC difference and run-length coded AC coefficients, dequantised and
    /// inverse transformed straight into the component's plane. Spectral selection and successive approximation
    /// parameters are ignored, as libjpeg does for sequential frames (some encoders write wrong ones).
    /// </summary>
    private void DecodeScan(ReadOnlySpan<byte> header)
    {
        int count = header[0];
        if (count is < 1 or > 4 || header.Length < 4 + (2 * count))
        {
            throw new PixelDataException($"JPEG scan header is invalid ({count} components)");
        }

        var scan = new Component[count];
        for (int i = 0; i < count; i++)
        {
            int id = header[1 + (2 * i)], tables = header[2 + (2 * i)];
            var c = Array.Find(_components, x => x.Id == id) ?? throw new PixelDataException($"JPEG scan names component {id}, which the frame does not have");
            c.Dc = _dcTables[tables >> 4] ?? throw new PixelDataException($"JPEG scan uses DC Huffman table {tables >> 4}, which is not defined");
            c.Ac = _acTables[tables & 3] ?? throw new PixelDataException($"JPEG scan uses AC Huffman table {tables & 3}, which is not defined");
            if (_quant[c.QuantTable] is null)
            {
                throw new PixelDataException($"JPEG component {id} uses quantisation table {c.QuantTable}, which is not defined");
            }

            c.DcPredictor = 0;
            scan[i] = c;
        }

        _bits = 0;
        _bitCount = 0;
        Span<int> block = stackalloc int[64];
        if (count == 1)
        {
            // A non-interleaved scan covers the component's own blocks only (A.2.2).
            var c = scan[0];
            int blocksX = (c.Width + 7) / 8, blocksY = (c.Height + 7) / 8, unit = 0;
            for (int by = 0; by < blocksY; by++)
            {
                for (int bx = 0; bx < blocksX; bx++, unit++)
                {
                    Restart(unit, scan);
                    DecodeBlock(c, block, bx, by);
                }
            }
        }
        else
        {
            for (int my = 0, unit = 0; my < _mcusY; my++)
            {
                for (int mx = 0; mx < _mcusX; mx++, unit++)
                {
                    Restart(unit, scan);
                    foreach (var c in scan)
                    {
                        for (int v = 0; v < c.V; v++)
                        {
                            for (int h = 0; h < c.H; h++)
                            {
                                DecodeBlock(c, block, (mx * c.H) + h, (my * c.V) + v);
                            }
                        }
                    }
                }
            }
        }

        while (_pos + 1 < _data.Length && !(_data[_pos] == 0xFF && _data[_pos + 1] is not 0x00 and not (>= 0xD0 and <= 0xD7)))
        {
            _pos++;
        }
    }

    private void Restart(int unit, Component[] scan)
    {
        if (_restartInterval == 0 || unit == 0 || unit % _restartInterval != 0)
        {
            return;
        }

        _bits = 0;
        _bitCount = 0;
        while (_pos + 1 < _data.Length && !(_data[_pos] == 0xFF && _data[_pos + 1] is >= 0xD0 and <= 0xD7))
        {
            _pos++;
        }

        _pos = Math.Min(_pos + 2, _data.Length);
        foreach (var c in scan)
        {
            c.DcPredictor = 0;
        }
    }

    private void DecodeBlock(Component c, scoped Span<int> block, int bx, int by)
    {
        block.Clear();
        int s = DecodeSymbol(c.Dc!);
        c.DcPredictor += s == 0 ? 0 : Receive(s);
        block[0] = c.DcPredictor;
        var ac = c.Ac!;
        for (int k = 1; k < 64; k++)
        {
            int rs = DecodeSymbol(ac);
            int r = rs >> 4;
            s = rs & 15;
            if (s != 0)
            {
                k += r;
                if (k > 63)
                {
                    throw new PixelDataException($"JPEG block data runs past coefficient 63 near byte {_pos}");
                }

                block[ZigZag[k]] = Receive(s);
            }
            else if (r == 15)
            {
                k += 15;
            }
            else
            {
                break;
            }
        }

        InverseDct(block, _quant[c.QuantTable], c.Plane.AsSpan((by * 8 * c.Stride) + (bx * 8)), c.Stride, _precision);
    }

    private int DecodeSymbol(JpegHuffmanTable table)
    {
        if (_bitCount < 32)
        {
            Fill();
        }

        int look = (int)(_bits >> (_bitCount - JpegHuffmanTable.LookupBits)) & ((1 << JpegHuffmanTable.LookupBits) - 1);
        int entry = table.Lookup[look];
        if (entry != 0)
        {
            _bitCount -= entry >> 8;
            return entry & 0xFF;
        }

        for (int length = JpegHuffmanTable.LookupBits + 1; length <= 16; length++)
        {
            int code = (int)(_bits >> (_bitCount - length)) & ((1 << length) - 1);
            if (code <= table.MaxCode[length])
            {
                _bitCount -= length;
                return table.Values[table.ValPtr[length] + code - table.MinCode[length]];
            }
        }

        throw new PixelDataException($"JPEG entropy-coded data has an invalid Huffman code near byte {_pos}");
    }

    /// <summary>RECEIVE and EXTEND (F.2.2.1): s bits as a signed value.</summary>
    private int Receive(int s)
    {
        if (_bitCount < s)
        {
            Fill();
        }

        int v = (int)(_bits >> (_bitCount - s)) & ((1 << s) - 1);
        _bitCount -= s;
        return v < 1 << (s - 1) ? v - (1 << s) + 1 : v;
    }

    /// <summary>Tops the bit buffer up past 56 bits, undoing FF00 stuffing; at a marker or the end it feeds zeros, as libjpeg does.</summary>
    private void Fill()
    {
        while (_bitCount <= 56)
        {
            int b = 0;
            if (_pos < _data.Length)
            {
                b = _data[_pos];
                if (b != 0xFF)
                {
                    _pos++;
                }
                else if (_pos + 1 < _data.Length && _data[_pos + 1] == 0x00)
                {
                    _pos += 2;
                }
                else
                {
                    b = 0;
                }
            }

            _bits = (_bits << 8) | (uint)b;
            _bitCount += 8;
        }
    }
}
