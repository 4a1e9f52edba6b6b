using System.Collections;

namespace Ricord.Dicom;

/// <summary>
/// An ordered set of data elements (a data set, or one item of a sequence). Elements are kept in
/// ascending tag order; values stay raw until a typed accessor converts them.
/// </summary>
public sealed partial class DicomDataset : IEnumerable<DicomElement>
{
    private readonly List<DicomElement> _elements = [];

    public DicomDataset()
    {
    }

    public DicomDataset(IEnumerable<DicomElement> elements)
    {
        foreach (var e in elements)
        {
            Set(e);
        }
    }

    /// <summary>The data set that holds the sequence this item belongs to; null at the top level.</summary>
    public DicomDataset? Parent { get; internal set; }

    /// <summary>Whether this item was (and will be) written with undefined length and an item delimiter.</summary>
    public bool UndefinedLength { get; set; } = true;

    public int Count => _elements.Count;

    internal DicomTag LastTag => _elements.Count > 0 ? _elements[^1].Tag : default;

    public DicomElement? this[DicomTag tag] => IndexOf(tag) is var i and >= 0 ? _elements[i] : null;

    public bool Contains(DicomTag tag) => IndexOf(tag) >= 0;

    public bool TryGet(DicomTag tag, out DicomElement element)
    {
        int i = IndexOf(tag);
        element = i >= 0 ? _elements[i] : null!;
        return i >= 0;
    }

    /// <summary>Adds or replaces the element with the same tag.</summary>
    public DicomDataset Set(DicomElement element)
    {
        if (element is DicomSequence sq)
        {
            foreach (var item in sq.Items)
            {
                item.Parent = this;
            }
        }

        int n = _elements.Count;
        if (n == 0 || _elements[n - 1].Tag < element.Tag)
        {
            _elements.Add(element);
            return this;
        }

        int i = IndexOf(element.Tag);
        if (i >= 0)
        {
            _elements[i] = element;
        }
        else
        {
            _elements.Insert(~i, element);
        }

        return this;
    }

    public bool Remove(DicomTag tag)
    {
        int i = IndexOf(tag);
        if (i < 0)
        {
            return false;
        }

        _elements.RemoveAt(i);
        return true;
    }

    /// <summary>Removes every element for which <paramref name="predicate"/> is true; returns how many.</summary>
    public int RemoveAll(Predicate<DicomElement> predicate) => _elements.RemoveAll(predicate);

    public void Clear() => _elements.Clear();

    /// <summary>A deep copy: nested items are copied, value buffers are shared (they are immutable).</summary>
    public DicomDataset Clone()
    {
        var copy = new DicomDataset { UndefinedLength = UndefinedLength };
        foreach (var e in _elements)
        {
            copy._elements.Add(e switch
            {
                DicomSequence sq => CloneSequence(sq, copy),
                DicomFragmentSequence f => new DicomFragmentSequence(f.Tag, f.VR, f.OffsetTable, f.Fragments),
                _ => e,
            });
        }

        return copy;
    }

    private static DicomSequence CloneSequence(DicomSequence sq, DicomDataset owner)
    {
        var clone = new DicomSequence(sq.Tag, sq.Items.Select(i => i.Clone())) { UndefinedLength = sq.UndefinedLength };
        foreach (var item in clone.Items)
        {
            item.Parent = owner;
        }

        return clone;
    }

    /// <summary>Binary search; returns the index, or the bitwise complement of the insertion point.</summary>
    private int IndexOf(DicomTag tag)
    {
        int lo = 0, hi = _elements.Count - 1;
        uint v = tag.Value;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            uint m = _elements[mid].Tag.Value;
            if (m == v)
            {
                return mid;
            }

            if (m < v)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return ~lo;
    }

    public IEnumerator<DicomElement> GetEnumerator() => _elements.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
