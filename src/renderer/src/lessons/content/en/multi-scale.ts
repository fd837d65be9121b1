import type { LessonText } from '../../types';

const lesson: LessonText = {
  title: 'Why the receptive field matters',
  summary: 'Objects of different sizes need different receptive fields: pyramids and multi-scale features.',
  sections: [
    {
      id: 'fit',
      title: 'A unit sees only its field',
      blocks: [
        'A unit can only recognise what lies inside its receptive field. If a car is wider than the field, no single unit sees the whole car; if a face covers a small corner of a large field, it is a detail among much background.',
        'In VGG-16 the field grows stage by stage. After its first pooling layer a unit sees {{vgg16.pool1.rf}} pixels, after the third {{vgg16.pool3.rf}}, after the last {{vgg16.pool5.rf}}, on a {{vgg16.input}}-pixel input. At the same time the maps get coarser: neighbouring units are {{vgg16.pool1.jump}}, {{vgg16.pool3.jump}} and {{vgg16.pool5.jump}} pixels apart (the jump).',
        { widget: 'rf-growth' },
      ],
    },
    {
      id: 'multi-scale',
      title: 'Seeing several sizes at once',
      blocks: [
        'So one layer is not enough to find both small and large objects. Two families of answers:',
        {
          list: [
            '**Image pyramids**: run the same network on the image at several scales. A large object in a shrunken image fits a small field. Accurate, but the cost is paid once per scale.',
            '**Multi-scale features**: use several layers of one network. Early layers have small fields and fine positions for small objects; deep layers have large fields for large objects. Detectors such as SSD predict from several layers; feature pyramid networks also pass the deep, semantic features back down to the fine layers before predicting.',
          ],
        },
        'Dilated convolutions and pooling with several window sizes (as in spatial pyramid pooling) are other ways to mix fields of different sizes in one layer.',
      ],
    },
    {
      id: 'recap',
      title: 'Recap',
      blocks: [
        { tex: '\\text{an object of size } s \\text{ fits one unit of layer } l \\iff s \\le RF_l' },
        {
          list: [
            'Deeper layers: larger fields for large objects, but a coarser jump $j_l$ between units.',
            'Image pyramids pay the network once per scale; multi-scale features reuse the layers of one pass.',
          ],
        },
      ],
    },
  ],
};

export default lesson;
